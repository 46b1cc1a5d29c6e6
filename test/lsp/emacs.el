;;; emacs.el --- driven by test/lsp/emacs.test.ts  -*- lexical-binding: t -*-
;; Emacs's eglot, set up as README says (with node and bin/wenfeng.js for `wenfeng'), opens a draft,
;; waits for wenfeng's diagnostics in flymake, applies the typo's code action to the buffer and writes
;; what it saw to $WENFENG_OUT as JSON. The buffer is never saved.
(require 'eglot)
(require 'json)
(require 'flymake)

(defvar wenfeng-out (getenv "WENFENG_OUT"))
(defun wenfeng-finish (result)
  (with-temp-file wenfeng-out (insert (json-encode result)))
  (kill-emacs 0))

(condition-case err
    (progn
      ;; README's set-up, with the command spelled out for the test.
      (with-eval-after-load 'eglot
        (add-to-list 'eglot-server-programs
                     `((markdown-mode text-mode) . (,(getenv "WENFENG_NODE") ,(getenv "WENFENG_BIN") "lsp"))))
      (add-hook 'text-mode-hook #'eglot-ensure)
      (find-file (getenv "WENFENG_DRAFT"))
      ;; eglot-ensure connects after the next command, as it would in a session.
      (run-hooks 'post-command-hook)
      (let ((deadline (+ (float-time) 90)) typo)
        (while (and (not (setq typo (seq-find (lambda (d) (string-match-p "官像主义" (flymake-diagnostic-text d)))
                                              (flymake-diagnostics))))
                    (< (float-time) deadline))
          (accept-process-output nil 0.1)
          (flymake-start))
        (unless typo (error "no typo diagnostic from wenfeng"))
        (let* ((shown (length (flymake-diagnostics)))
               (typo-text (buffer-substring-no-properties (flymake-diagnostic-beg typo) (flymake-diagnostic-end typo)))
               (actions (eglot-code-actions (flymake-diagnostic-beg typo) (flymake-diagnostic-end typo)))
               (action (seq-find (lambda (a) (string-match-p "官僚主义" (plist-get a :title))) actions)))
          (unless action (error "no 改为 action"))
          (eglot--apply-workspace-edit (plist-get action :edit))
          (wenfeng-finish
           `((ok . t)
             (diagnostics . ,shown)
             (typo_text . ,typo-text)
             (titles . ,(vconcat (mapcar (lambda (a) (plist-get a :title)) actions)))
             (applied . ,(plist-get action :title))
             (line5 . ,(save-excursion (goto-char (point-min)) (forward-line 4)
                                       (buffer-substring-no-properties (line-beginning-position) (line-end-position))))
             (modified . ,(if (buffer-modified-p) t :json-false)))))))
  (error (wenfeng-finish `((ok . :json-false) (error . ,(error-message-string err))))))
