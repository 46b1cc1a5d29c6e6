// Document properties (docProps/app.xml, docProps/core.xml) and the settings the layout needs
// (word/settings.xml). All optional: a damaged or missing part just leaves its facts out.
import type { DocumentSettings } from './layout-facts.js';
import { int, onOff, twips } from './units.js';
import { child, childrenNamed, parseXml, textOf, type XmlElement } from './xml.js';
import type { ZipArchive } from './zip.js';

function tryParse(zip: ZipArchive, path: string): XmlElement | undefined {
  const bytes = zip.read(path);
  if (!bytes) return undefined;
  try {
    return parseXml(bytes, path);
  } catch {
    return undefined;
  }
}

export interface AppProperties {
  pages?: number;
  application?: string;
}

export function readAppProperties(zip: ZipArchive, path: string): AppProperties {
  const root = tryParse(zip, path);
  const out: AppProperties = {};
  const pages = int(textOf(child(root, 'ep:Pages')).trim());
  if (pages !== undefined && pages > 0) out.pages = pages;
  const app = textOf(child(root, 'ep:Application')).trim();
  if (app) out.application = app;
  return out;
}

export function readCoreTitle(zip: ZipArchive, path: string): string | undefined {
  const title = textOf(child(tryParse(zip, path), 'dc:title')).trim();
  return title || undefined;
}

export function readSettings(zip: ZipArchive, path: string, defaultFontSize: number): DocumentSettings {
  const root = tryParse(zip, path);
  const settings: DocumentSettings = {
    defaultTabStop: twips(child(root, 'w:defaultTabStop')?.attrs['w:val']) ?? 720,
    defaultFontSize,
  };
  const evenAndOdd = child(root, 'w:evenAndOddHeaders');
  if (evenAndOdd) settings.evenAndOddHeaders = onOff(evenAndOdd.attrs['w:val']);
  const spacing = child(root, 'w:characterSpacingControl')?.attrs['w:val'];
  if (spacing !== undefined) settings.characterSpacingControl = spacing;
  for (const s of childrenNamed(child(root, 'w:compat'), 'w:compatSetting')) {
    if (s.attrs['w:name'] === 'compatibilityMode') {
      const mode = int(s.attrs['w:val']);
      if (mode !== undefined) settings.compatibilityMode = mode;
    }
  }
  return settings;
}
