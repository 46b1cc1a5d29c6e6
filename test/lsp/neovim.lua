-- Driven by test/lsp/neovim.test.ts: Neovim's built-in LSP client (0.7 API, Debian's Neovim) runs
-- `wenfeng lsp`, opens a draft, waits for its diagnostics, applies two code actions to the buffer and
-- writes what it saw to $WENFENG_OUT as JSON. It never writes the buffer.
local out = {}
local function finish(ok)
  out.ok = ok
  local f = io.open(os.getenv('WENFENG_OUT'), 'w')
  f:write(vim.fn.json_encode(out))
  f:close()
  vim.cmd(ok and 'qa!' or 'cquit!')
end
vim.defer_fn(function() out.error = 'timed out'; finish(false) end, 90000)

local ok, err = pcall(function()
  local draft = os.getenv('WENFENG_DRAFT')
  -- The raw diagnostics as published (ranges, codes), passed on to Neovim's own handler.
  local published = {}
  local client_id = vim.lsp.start_client({
    name = 'wenfeng',
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        published[result.uri] = result.diagnostics
        return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
      end,
    },
    cmd = { os.getenv('WENFENG_NODE'), os.getenv('WENFENG_BIN'), 'lsp' },
    root_dir = vim.fn.fnamemodify(draft, ':h'),
  })
  vim.cmd('edit ' .. vim.fn.fnameescape(draft))
  local buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, client_id)

  local function lsp_diagnostics()
    return published[vim.uri_from_bufnr(buf)] or {}
  end
  local function find(code, line)
    for _, d in ipairs(lsp_diagnostics()) do
      if d.code == code and (line == nil or d.range.start.line == line) then return d end
    end
  end
  assert(vim.wait(60000, function() return find('typo') ~= nil end, 50), 'no typo diagnostic')
  out.first = lsp_diagnostics()
  out.shown = #vim.diagnostic.get(buf)

  local function act(diagnostic, pick)
    local params = {
      textDocument = { uri = vim.uri_from_bufnr(buf) },
      range = diagnostic.range,
      context = { diagnostics = { diagnostic } },
    }
    local replies = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 10000)
    local titles = {}
    for _, reply in pairs(replies or {}) do
      for _, action in ipairs(reply.result or {}) do
        table.insert(titles, action.title)
        if pick(action) then
          vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
          return action.title, titles
        end
      end
    end
    return nil, titles
  end

  local function gone(code, text, line, character)
    return vim.wait(30000, function()
      for _, d in ipairs(lsp_diagnostics()) do
        if d.code == code and (text == nil or d.message:find(text, 1, true)) and (line == nil or d.range.start.line == line and d.range.start.character == character) then return false end
      end
      return true
    end, 20)
  end

  -- The typo's suggestion; once the server has checked the edited buffer, the safe fix of a comma.
  out.typo_action, out.typo_titles = act(find('typo'), function(a) return a.title:find('官僚主义', 1, true) ~= nil end)
  out.typo_gone = gone('typo', '官像主义')
  local comma = find('punctuation', 1)
  out.comma_action = act(comma, function(a) return a.isPreferred end)
  out.comma_gone = gone('punctuation', nil, 1, comma.range.start.character)
  out.lines = vim.api.nvim_buf_get_lines(buf, 0, 8, false)
  out.modified = vim.bo[buf].modified
  out.after = lsp_diagnostics()
end)
if not ok then out.error = tostring(err) end
finish(ok)
