// The slice of Node's stream.Readable that word-extractor's OLE storage streams use in the page:
// _read() pushes chunks (possibly later, from a promise), consumers listen for 'data', 'end', 'error'.
export class Readable {
  constructor() {
    this.listeners = {};
    this.flowing = false;
    this.ended = false;
    this.reading = false;
  }

  on(event, fn) {
    (this.listeners[event] ??= []).push(fn);
    if (event === 'data' && !this.flowing) {
      this.flowing = true;
      queueMicrotask(() => this.pump());
    }
    return this;
  }

  emit(event, ...args) {
    for (const fn of this.listeners[event] ?? []) fn(...args);
  }

  pump() {
    if (this.ended || this.reading) return;
    this.reading = true;
    try {
      const pending = this._read();
      if (pending && typeof pending.catch === 'function') pending.catch((error) => this.emit('error', error));
    } catch (error) {
      this.emit('error', error);
    }
  }

  push(chunk) {
    this.reading = false;
    if (chunk === null) {
      if (!this.ended) {
        this.ended = true;
        queueMicrotask(() => this.emit('end'));
      }
      return false;
    }
    this.emit('data', chunk);
    queueMicrotask(() => this.pump());
    return true;
  }
}

export default { Readable };
