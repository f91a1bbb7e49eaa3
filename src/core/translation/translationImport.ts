import { loadXml } from '../lazyModules';
import type { ArticleSegment, SegmentState } from './segmentTranslations';
import { DRAFT_SUBSTATE } from './translationExport';

/** A segment read from an XLIFF file: its source and target text (inline markup dropped) and state. */
export interface ImportedSegment {
  readonly source: string;
  readonly target: string;
  readonly state: SegmentState;
}

type XmlNode = Record<string, unknown>;

/**
 * The segments of an XLIFF 2.0 or 1.2 file, in document order, as CAT tools write them: XLIFF 2.0
 * `unit`/`segment` (in `group`s too) with `state` (initial, translated, reviewed, final) and our
 * subState for drafts; XLIFF 1.2 `trans-unit` (OmegaT) with `target/@state` and `approved`, and, where
 * a unit is cut into sentences with `seg-source` and `<mrk mtype="seg">` (memoQ, Trados), one segment
 * per `mrk`. Inline markup (`pc`, `ph`, `g`, `x`…) is dropped, its text kept.
 * @throws Error when the text is not XML, has a document type declaration, or is not XLIFF 1.2 or 2.0
 */
export function readXliff(xml: string): { readonly version: '1.2' | '2.0'; readonly segments: ImportedSegment[] } {
  // No document type at all, so no entity can expand (a billion laughs, an external file).
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw new Error('a document type declaration (<!DOCTYPE>), which XLIFF files do not need, is not read');
  }
  const { XMLParser, XMLValidator } = loadXml();
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new Error(`not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  }
  const nodes = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', preserveOrder: true, trimValues: false, processEntities: true }).parse(xml) as XmlNode[];
  const root = nodes.find((n) => 'xliff' in n);
  if (!root) {
    throw new Error('no <xliff> element');
  }
  const version = String(attributes(root)['@version'] ?? '');
  const segments: ImportedSegment[] = [];
  if (version.startsWith('2.')) {
    for (const segment of descendants(children(root), 'segment')) {
      const attrs = attributes(segment);
      const source = textOf(childrenNamed(segment, 'source'));
      const target = textOf(childrenNamed(segment, 'target'));
      segments.push({ source, target, state: stateFrom2(String(attrs['@state'] ?? ''), String(attrs['@subState'] ?? ''), target) });
    }
    return { version: '2.0', segments };
  }
  if (version === '1.2' || version === '1.1') {
    for (const unit of descendants(children(root), 'trans-unit')) {
      const approved = attributes(unit)['@approved'] === 'yes';
      const targetNode = childrenNamed(unit, 'target')[0];
      const state = stateFrom12(targetNode ? String(attributes(targetNode)['@state'] ?? '') : '', approved);
      const sentences = descendants(childrenNamed(unit, 'seg-source'), 'mrk').filter((m) => attributes(m)['@mtype'] === 'seg');
      if (sentences.length > 0) {
        const targets = new Map(descendants(targetNode ? [targetNode] : [], 'mrk').map((m) => [String(attributes(m)['@mid']), textOf([m])] as const));
        for (const sentence of sentences) {
          const target = targets.get(String(attributes(sentence)['@mid'])) ?? '';
          segments.push({ source: textOf([sentence]), target, state: target ? state(target) : 'initial' });
        }
      } else {
        const target = textOf(targetNode ? [targetNode] : []);
        segments.push({ source: textOf(childrenNamed(unit, 'source')), target, state: state(target) });
      }
    }
    return { version: '1.2', segments };
  }
  throw new Error(`XLIFF version "${version}" is not 1.2 or 2.0`);
}

/**
 * Which article segment each imported one translates: the next one, in article order, whose source
 * is the same text (spaces aside), so that a sentence that occurs twice is matched in order.
 * Imported segments without a translation are left out; those whose source is not in the article are
 * `unmatched`.
 */
export function matchImported<S extends ArticleSegment>(
  segments: readonly S[],
  imported: readonly ImportedSegment[],
): { readonly matches: { readonly segment: S; readonly imported: ImportedSegment }[]; readonly unmatched: ImportedSegment[] } {
  const key = (text: string) => text.replace(/\s/gu, '');
  const positions = new Map<string, number[]>();
  segments.forEach((segment, i) => {
    const k = key(segment.source);
    positions.set(k, [...(positions.get(k) ?? []), i]);
  });
  const used = new Set<number>();
  const matches: { segment: S; imported: ImportedSegment }[] = [];
  const unmatched: ImportedSegment[] = [];
  let cursor = 0;
  for (const item of imported) {
    if (item.target.trim().length === 0) {
      continue;
    }
    const candidates = (positions.get(key(item.source)) ?? []).filter((i) => !used.has(i));
    const index = candidates.find((i) => i >= cursor) ?? candidates[0];
    if (index === undefined) {
      unmatched.push(item);
      continue;
    }
    used.add(index);
    cursor = index + 1;
    matches.push({ segment: segments[index]!, imported: item });
  }
  return { matches, unmatched };
}

function stateFrom2(state: string, subState: string, target: string): SegmentState {
  if (state === 'reviewed' || state === 'final') {
    return 'reviewed';
  }
  if (state === 'translated') {
    return 'translated';
  }
  return target.length > 0 || subState === DRAFT_SUBSTATE ? 'draft' : 'initial';
}

/** XLIFF 1.2's target states (and trans-unit/@approved) as ours, for a given target text. */
function stateFrom12(state: string, approved: boolean): (target: string) => SegmentState {
  return (target) => {
    if (target.length === 0) {
      return 'initial';
    }
    if (approved || state === 'signed-off' || state === 'final') {
      return 'reviewed';
    }
    if (state.startsWith('needs-') || state === 'new') {
      return 'draft';
    }
    // No state (OmegaT writes none): a target is a translation.
    return 'translated';
  };
}

function nameOf(node: XmlNode): string | undefined {
  return Object.keys(node).find((k) => k !== ':@' && k !== '#text');
}

function children(node: XmlNode): XmlNode[] {
  const name = nameOf(node);
  return name ? ((node[name] as XmlNode[] | undefined) ?? []) : [];
}

function attributes(node: XmlNode): Record<string, unknown> {
  return (node[':@'] as Record<string, unknown> | undefined) ?? {};
}

function childrenNamed(node: XmlNode, name: string): XmlNode[] {
  return children(node).filter((child) => nameOf(child) === name);
}

/** Every element named `name` among `nodes` and below them, in document order (not below a match). */
function descendants(nodes: readonly XmlNode[], name: string, found: XmlNode[] = []): XmlNode[] {
  for (const node of nodes) {
    if (nameOf(node) === name) {
      found.push(node);
    } else {
      descendants(children(node), name, found);
    }
  }
  return found;
}

/** The text inside `nodes`, markup dropped. */
function textOf(nodes: readonly XmlNode[]): string {
  let text = '';
  for (const node of nodes) {
    if ('#text' in node) {
      text += String(node['#text']);
    } else {
      text += textOf(children(node));
    }
  }
  return text;
}
