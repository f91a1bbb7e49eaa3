import * as OpenCC from 'opencc-js';
import { directionMappings, withDirectionMappings } from '../../src/core/conversion/directionRules';
import { PhraseOverrides } from '../../src/core/conversion/phraseOverrides';
import { builtinEntries } from '../../src/core/glossary/builtinGlossary';

/**
 * What the extension's hk → cn conversion gives with no user phrases: opencc-js, under the
 * direction's own mappings (the built-in glossary's script forms, Hong Kong 著). Tests compare the
 * panel and the commands with it, and check the mappings' effect on their own (昇腾, 着).
 */
export function hk2cnAsTheExtension(): (text: string) => string {
  const opencc = OpenCC.Converter({ from: 'hk', to: 'cn' });
  const mappings = directionMappings({ from: 'hk', to: 'cn' }, builtinEntries('Built-in glossary'), opencc);
  return new PhraseOverrides(withDirectionMappings({}, mappings)).wrap(opencc);
}
