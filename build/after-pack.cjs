/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/explicit-function-return-type -- a CommonJS hook that electron-builder requires */
/**
 * electron-builder afterPack hook: sets Electron's fuses on the packaged binary as the security
 * checklist recommends (https://www.electronjs.org/docs/latest/tutorial/fuses):
 * no ELECTRON_RUN_AS_NODE, no NODE_OPTIONS, no --inspect, cookies encrypted, the app only from its
 * asar archive, whose integrity is checked where Electron supports it (macOS, Windows).
 * GrantFileProtocolExtraPrivileges stays on: the window loads the renderer from file://.
 */
const { join } = require('node:path')
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses')

/** The fuse settings; exported for the test that checks them. */
function fuseConfig(platform, arch) {
  return {
    version: FuseVersion.V1,
    resetAdHocDarwinSignature: platform === 'darwin' && arch === 'arm64',
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: platform === 'darwin' || platform === 'win32',
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: true
  }
}

/** Where the Electron binary is inside the packaged app. */
function binaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context
  const name = packager.appInfo.productFilename
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return join(appOutDir, `${name}.app`)
  if (electronPlatformName === 'win32') return join(appOutDir, `${name}.exe`)
  return join(appOutDir, packager.executableName)
}

async function afterPack(context) {
  const arch = typeof context.arch === 'number' ? ['ia32', 'x64', 'armv7l', 'arm64', 'universal'][context.arch] : context.arch
  await flipFuses(binaryPath(context), fuseConfig(context.electronPlatformName, arch))
}

module.exports = afterPack
module.exports.default = afterPack
module.exports.fuseConfig = fuseConfig
module.exports.binaryPath = binaryPath
