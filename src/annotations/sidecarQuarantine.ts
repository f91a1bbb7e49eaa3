import * as vscode from 'vscode';
import type { DocumentNotes } from '../core/annotations/documentNotes';
import type { SidecarCodec } from '../core/annotations/sidecar';
import type { SidecarStore } from '../core/annotations/sidecarStore';
import type { ProblemReporter } from '../util/problemReporter';
import { uriBasename } from '../util/uris';
import { relativeSourcePath } from './sidecarLocation';

/** What the quarantine needs from the notes' owner once the user has chosen. */
export interface QuarantineHooks {
  /** The article's text, when it is open. */
  articleText(): string | undefined;
  /** Read the sidecar again and merge it (after a repair). */
  reload(): Promise<void>;
  /** Write the notes (after starting fresh). */
  write(): Promise<void>;
}

/**
 * A sidecar that cannot be read is left as it is: one backup copy is kept (per content), writes are
 * blocked, and the user chooses — Repair (keep every note the schema accepts), Open File, or Start
 * Fresh (the broken file is moved aside, renamed). The notes made meanwhile are kept by the caller.
 */
export class SidecarQuarantine {
  constructor(
    private readonly store: SidecarStore<vscode.Uri>,
    private readonly codec: SidecarCodec,
    private readonly reporter: ProblemReporter,
  ) {}

  async quarantine(notes: DocumentNotes<vscode.Uri>, text: string, problem: string, line: number, hooks: QuarantineHooks): Promise<void> {
    notes.block(problem);
    const backup = await this.store.backUp(notes, text);
    const where = `${vscode.workspace.asRelativePath(notes.sidecar)}${line > 0 ? `:${line}` : ''}`;
    const repair = vscode.l10n.t('Repair');
    const fresh = vscode.l10n.t('Start Fresh');
    // Without a backup copy, only opening the file is offered: repairing or starting fresh could lose notes.
    const message = backup
      ? vscode.l10n.t(
          'The annotations file {0} cannot be read: {1}. It was left as it is, a backup copy is {2}, and no notes will be written to it until you choose.',
          where,
          problem,
          uriBasename(backup),
        )
      : vscode.l10n.t('The annotations file {0} cannot be read: {1}. It was left as it is and no notes will be written to it until it is fixed.', where, problem);
    const choice = await this.reporter.error(message, { file: notes.sidecar, line, actions: backup ? [repair, fresh] : [] });
    const article = hooks.articleText();
    if (!notes.blocked) {
      // Unblocked meanwhile (the file was fixed and merged): the choice no longer applies.
      return;
    }
    if (choice === repair && article !== undefined) {
      const repaired = this.codec.repair(text, article, relativeSourcePath(notes.sidecar, notes.document));
      if (!repaired) {
        return;
      }
      // Only if the file still holds the broken text: it may have been fixed while the message waited.
      if (!(await this.store.replaceBroken(notes, text, repaired.text))) {
        void this.reporter.warn(this.changedMeanwhile(notes));
        return;
      }
      notes.unblock();
      await hooks.reload();
      void this.reporter.info(vscode.l10n.t('Repaired {0}: {1} notes kept, {2} left in the backup copy.', uriBasename(notes.sidecar), repaired.kept, repaired.dropped));
    } else if (choice === fresh && article !== undefined) {
      if (!(await this.store.setAside(notes, text, new Date().toISOString().replace(/[:.]/g, '-')))) {
        void this.reporter.warn(this.changedMeanwhile(notes));
        return;
      }
      await hooks.write();
    }
  }

  private changedMeanwhile(notes: DocumentNotes<vscode.Uri>): string {
    return vscode.l10n.t('{0} changed since it was found broken, so it was left as it is. Open it again to have it checked.', vscode.workspace.asRelativePath(notes.sidecar));
  }
}
