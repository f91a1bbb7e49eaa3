// Types for the parts of codeServerLauncher.js that the UI suite and the start script reuse.
import type { BrowserContext } from 'playwright-core';

export interface CodeServer {
  readonly base: string;
  readonly port: number;
  readonly home: string;
  readonly logFile: string;
  stop(): Promise<void>;
}

export function startCodeServer(options?: {
  extraSettings?: Record<string, unknown>;
  port?: number;
  /** A .vsix to install before the server starts. */
  vsix?: string;
}): Promise<CodeServer>;
export function launchBrowser(options?: { headless?: boolean }): Promise<{ context: BrowserContext; close(): Promise<void> }>;
export function workbenchUrl(server: CodeServer, folder: string | undefined, developmentPaths: string[], testsPath?: string): string;
export const CHROMIUM_ARGS: string[];
export const ROOT: string;
