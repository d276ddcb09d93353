/**
 * One Node requirement: package.json `engines` (what npm checks), .nvmrc (what
 * CI and version managers install) and the scripts' own check agree, and a
 * script run on an unsupported Node stops with what to do.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeRequirementProblem, parseEnginesRange, satisfiesEngines } from '../../../scripts/nodeRequirement.mjs';

const projectDir = path.resolve(__dirname, '../../..');
const engines = (JSON.parse(fs.readFileSync(path.join(projectDir, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;

describe('Node requirement', () => {
  it('is Node 22.13+ or 24+: what Electron 45, its rebuild tools, Vite and vitest all accept', () => {
    for (const ok of ['v22.13.0', 'v22.23.5', 'v24.0.0', 'v26.1.0']) expect(satisfiesEngines(ok, engines), ok).toBe(true);
    // 20 is what Electron 45's tooling refuses; 22.12 is below typescript-eslint's floor; 23 is vitest's gap.
    for (const old of ['v20.19.0', 'v20.20.2', 'v22.12.0', 'v23.5.0', 'v21.7.3']) expect(satisfiesEngines(old, engines), old).toBe(false);
  });

  it('.nvmrc (what CI installs) satisfies engines', () => {
    const pinned = fs.readFileSync(path.join(projectDir, '.nvmrc'), 'utf8').trim();
    expect(satisfiesEngines(pinned, engines)).toBe(true);
  });

  it('refuses a range form it does not understand instead of guessing', () => {
    expect(() => parseEnginesRange('~22.1')).toThrow(/Unsupported engines.node range/);
    expect(parseEnginesRange('^22.13.0 || >=24')).toEqual([
      { caret: true, floor: [22, 13, 0] },
      { caret: false, floor: [24, 0, 0] },
    ]);
  });

  it('says which Node it needs, which it found and where to read how to get it', () => {
    expect(nodeRequirementProblem('v22.13.0', engines)).toBeNull();
    expect(nodeRequirementProblem('v20.20.2', engines)).toMatch(/needs Node \^22\.13\.0 \|\| >=24.*this is Node v20\.20\.2.*README › Requirements/);
  });

  it('the native-module guard stops `npm test` on an unsupported Node, and only warns during an install', () => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'spyglass-node-req-'));
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ engines: { node: '>=99' } }));
    const guard = (mode: string) =>
      spawnSync(process.execPath, [path.join(projectDir, 'scripts/native-deps/ensure-native-abi.mjs'), '--for', 'node', '--mode', mode, '--print-only'], { cwd: project, encoding: 'utf8' });
    const test = guard('test');
    expect(test.status).toBe(1);
    expect(test.stderr).toContain(`Spyglass needs Node >=99 (package.json "engines"); this is Node ${process.version}.`);
    const install = guard('postinstall');
    expect(install.status).toBe(0);
    expect(install.stderr).toContain('Spyglass needs Node >=99');
  });
});
