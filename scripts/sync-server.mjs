// `npm run sync-server -- …`: the team's Hocuspocus server (src/main/sync-server/cli.ts).
const { register } = await import('tsx/esm/api');
register();
await import('../src/main/sync-server/cli.ts');
