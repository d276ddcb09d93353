// Every Electron fuse, decided here and flipped in the packaged binary by
// electron-builder's afterPack hook (electron-builder.yml), before signing.
// electron-builder 26's own `electronFuses` option knows 8 of Electron 45's 9
// fuses (not wasmTrapHandlers) and pins @electron/fuses 1, so the project
// flips them itself with @electron/fuses 2 and strictlyRequireAllFuses: a fuse
// added by a later Electron fails packaging until it is decided here.
import { join } from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

/** On or off for each fuse of Electron's fuse wire (electron/docs/tutorial/fuses.md). */
export const spyglassFuses = {
  // ELECTRON_RUN_AS_NODE would turn the signed app into a plain Node for anyone.
  runAsNode: false,
  // Chromium's cookie store encrypted with the OS key store (the app keeps no cookies, but a page might).
  enableCookieEncryption: true,
  // NODE_OPTIONS and NODE_EXTRA_CA_CERTS cannot inject code or trust into the signed app.
  enableNodeOptionsEnvironmentVariable: false,
  // --inspect and SIGUSR1 cannot open a debugger on the main process.
  enableNodeCliInspectArguments: false,
  // app.asar is checked against the hash in the signed binary (macOS, Windows).
  enableEmbeddedAsarIntegrityValidation: true,
  // Only the checked app.asar is loaded, never an `app/` folder dropped beside it.
  onlyLoadAppFromAsar: true,
  // One V8 snapshot for every process: no browser-specific snapshot is shipped.
  loadBrowserProcessSpecificV8Snapshot: false,
  // The UI is served from app://, so file:// pages get no powers beyond a browser's.
  grantFileProtocolExtraPrivileges: false,
  // Electron's default: WebAssembly bounds checks by guard pages (faster code, same safety).
  wasmTrapHandlers: true,
};

/** Our names for @electron/fuses' FuseV1Options, one for one. */
const fuseOption = {
  runAsNode: FuseV1Options.RunAsNode,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
  loadBrowserProcessSpecificV8Snapshot: FuseV1Options.LoadBrowserProcessSpecificV8Snapshot,
  grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
  wasmTrapHandlers: FuseV1Options.WasmTrapHandlers,
};

/** The @electron/fuses config for `fuses`; every option the library knows must be decided. */
export function fuseConfig(fuses = spyglassFuses) {
  const config = { version: FuseVersion.V1, strictlyRequireAllFuses: true, resetAdHocDarwinSignature: true };
  for (const [name, option] of Object.entries(fuseOption)) {
    if (typeof fuses[name] !== 'boolean') throw new Error(`Electron fuse ${name} is not decided (true or false) in scripts/packaging/electronFuses.mjs.`);
    config[option] = fuses[name];
  }
  const undecided = Object.values(FuseV1Options).filter((option) => typeof option === 'number' && !(option in config));
  if (undecided.length > 0) throw new Error(`Electron fuses not decided: ${undecided.map((o) => FuseV1Options[o]).join(', ')}.`);
  return config;
}

/** The packaged Electron executable, named as electron-builder names it (its addElectronFuses does the same). */
export function packagedElectron({ appOutDir, electronPlatformName, packager }) {
  if (electronPlatformName === 'linux') return join(appOutDir, packager.executableName);
  const extension = { darwin: '.app', mas: '.app', win32: '.exe' }[electronPlatformName];
  if (extension === undefined) throw new Error(`No Electron executable known for platform ${electronPlatformName}.`);
  return join(appOutDir, `${packager.appInfo.productFilename}${extension}`);
}

/** electron-builder afterPack hook: runs after the app is packed and before it is signed. */
export default async function flipElectronFuses(context) {
  const executable = packagedElectron(context);
  console.log(`  • flipping all Electron fuses  file=${executable}`);
  await flipFuses(executable, fuseConfig());
}
