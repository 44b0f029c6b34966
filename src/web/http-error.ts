// A refusal with an HTTP status and a reason the client can read: how the UI answers bad requests instead of crashing.

/** An error that becomes a 4xx (or 5xx) response with `{ error: message }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}
