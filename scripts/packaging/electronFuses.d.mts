export type SpyglassFuses = {
  runAsNode: boolean;
  enableCookieEncryption: boolean;
  enableNodeOptionsEnvironmentVariable: boolean;
  enableNodeCliInspectArguments: boolean;
  enableEmbeddedAsarIntegrityValidation: boolean;
  onlyLoadAppFromAsar: boolean;
  loadBrowserProcessSpecificV8Snapshot: boolean;
  grantFileProtocolExtraPrivileges: boolean;
  wasmTrapHandlers: boolean;
};
export type PackContext = {
  appOutDir: string;
  electronPlatformName: string;
  packager: { executableName: string; appInfo: { productFilename: string } };
};
export declare const spyglassFuses: SpyglassFuses;
export declare function fuseConfig(fuses?: Partial<SpyglassFuses>): Record<string, unknown>;
export declare function packagedElectron(context: PackContext): string;
export default function flipElectronFuses(context: PackContext): Promise<void>;
