// Results of paragraph-local work by paragraph text, kept from one check to the next: an editor checks the
// same draft after every keystroke, and all but one paragraph are as they were. Only the check under way
// and the one before it are kept, so memory is bounded by two documents' paragraphs however long the
// editing goes on. Only for work whose result is a function of the text alone (and of what keys the memo).

export class TextMemo<V> {
  private current = new Map<string, V>();
  private previous = new Map<string, V>();

  /** A new check starts: results only the check before last needed are dropped. */
  nextCheck(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  get(text: string, compute: (text: string) => V): V {
    let value = this.current.get(text);
    if (value === undefined) {
      value = this.previous.get(text);
      if (value === undefined) value = compute(text);
      this.current.set(text, value);
    }
    return value;
  }
}
