/** Where launched processes are registered during a vitest run (set by test/setup/global.ts). */
export const REGISTRY_ENV = 'MEDQA_LAUNCH_REGISTRY';
