import 'server-only';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * Noto Sans KR (SIL Open Font License 1.1), from the npm package that ships its TrueType files: it
 * covers Hangul, Latin and the currency signs, so a statement prints Korean names and labels as they
 * are. The PDF embeds only the glyphs it uses.
 *
 * The files are found at run time from the server's working directory, as Node resolves a package
 * (the repository for `next start`, the standalone server's folder in the image), not through an
 * import the bundler would try to compile. So the standalone build includes them only when told:
 * `outputFileTracingIncludes` in app/next.config.ts.
 */
const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf',
} as const;

export interface StatementFontFiles {
  regular: Uint8Array;
  bold: Uint8Array;
}

let loading: Promise<StatementFontFiles> | undefined;

/** The font files, read once per server process (6 MB each; the PDF embeds only the glyphs it uses). */
export function statementFontFiles(): Promise<StatementFontFiles> {
  loading ??= readFontFiles().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function readFontFiles(): Promise<StatementFontFiles> {
  const require = createRequire(join(process.cwd(), 'package.json'));
  const [regular, bold] = await Promise.all([
    readFile(require.resolve(FONT_FILES.regular)),
    readFile(require.resolve(FONT_FILES.bold)),
  ]);
  return { regular, bold };
}
