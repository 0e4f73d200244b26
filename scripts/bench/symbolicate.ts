import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from './machine.js';

/**
 * Names minified functions of the bundles in a Chromium CPU profile after their sources, through the
 * bundles' source maps ("w digit-pad-sdk.js:1" → "toInk src/preprocess/ink.ts:12 [w digit-pad-sdk.js]").
 */
export async function symbolicate(profile: any) {
  let trace: any;
  try {
    trace = await import('@jridgewell/trace-mapping'); // terser's dependency; without it, names stay minified
  } catch {
    return profile;
  }
  const maps = new Map<string, any>();
  for (const node of profile.nodes) {
    const f = node.callFrame;
    const m = /\/\.cache\/bench-dist\/([\w.-]+\.js)$/.exec(f.url ?? '');
    if (!m) continue;
    if (!maps.has(m[1])) {
      const path = join(DIST, `${m[1]}.map`);
      maps.set(m[1], existsSync(path) ? new trace.TraceMap(readFileSync(path, 'utf8')) : null);
    }
    const map = maps.get(m[1]);
    if (!map) continue;
    const pos = trace.originalPositionFor(map, { line: f.lineNumber + 1, column: f.columnNumber });
    if (pos.source) {
      const source = pos.source.replace(/^(\.\.\/)+/, '').replace(/^.*node_modules\//, '');
      f.functionName = `${pos.name ?? f.functionName ?? '(anonymous)'} ${source}:${pos.line} [${f.functionName || '?'}]`;
      f.url = '';
    }
  }
  return profile;
}
