// web-ext ships no type declarations: the part of its Node API that build-ext.ts calls.
declare module 'web-ext' {
  interface BuildParams {
    sourceDir: string;
    artifactsDir: string;
    /** The package's file name (a template like `{name}-{version}.zip` by default). */
    filename?: string;
    overwriteDest?: boolean;
    ignoreFiles?: string[];
  }
  interface BuildOptions {
    showReadyMessage?: boolean;
  }
  const webExt: {
    cmd: { build(params: BuildParams, options?: BuildOptions): Promise<{ extensionPath: string }> };
  };
  export default webExt;
}
