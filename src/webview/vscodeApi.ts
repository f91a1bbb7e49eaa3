import type { FromWebviewMessage, ReaderState } from '../protocol/readerMessages';

/** The part of the webview API the reader uses. */
export interface VsCodeApi {
  postMessage(message: FromWebviewMessage): void;
  getState(): ReaderState | undefined;
  setState(state: ReaderState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export function vscodeApi(): VsCodeApi {
  return acquireVsCodeApi();
}
