// The import boundaries, as zones for import-x/no-restricted-paths, generated from the folders
// themselves: every folder in apps/server/src/modules is a module and every folder in
// apps/web/src/features a feature, so one created today is covered today. docs/ARCHITECTURE.md
// ("Boundaries") says what these enforce; scripts/lint-boundaries.test.ts proves they fail.
import fs from 'node:fs';
import path from 'node:path';

const entriesIn = (dir) => fs.readdirSync(dir, { withFileTypes: true });
export const foldersIn = (dir) =>
  entriesIn(dir)
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

/** A folder's public face: its index.ts (or .tsx), relative to the folder that holds it. */
function indexOf(dir, name) {
  const tsx = path.join(dir, name, 'index.tsx');
  return fs.existsSync(tsx) ? `./${name}/index.tsx` : `./${name}/index.ts`;
}

/**
 * @param {string} root the repository root
 * @param {{ serverModules?: string[], webFeatures?: string[] }} [lists] instead of reading the folders (tests)
 */
export function boundaryZones(root, lists = {}) {
  const server = path.join(root, 'apps/server/src');
  const modulesDir = path.join(server, 'modules');
  const platform = path.join(server, 'platform');
  const web = path.join(root, 'apps/web/src');
  const featuresDir = path.join(web, 'features');
  const modules = lists.serverModules ?? foldersIn(modulesDir);
  const features = lists.webFeatures ?? foldersIn(featuresDir);

  // everything in src/ that is neither a module nor the platform: app.ts, server.ts, cli.ts,
  // db-schema.ts, demo/ — the composition root and what it wires
  const roots = entriesIn(server)
    .map((e) => e.name)
    .filter((n) => n !== 'modules' && n !== 'platform')
    .map((n) => path.join(server, n));
  const moduleIndexes = modules.map((m) => indexOf(modulesDir, m));
  const tablesOf = (m) => {
    const dir = path.join(modulesDir, m);
    return fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .filter((f) => f.endsWith('.tables.ts'))
          .map((f) => `./${m}/${f}`)
      : [];
  };
  const allTables = modules.flatMap(tablesOf);
  const dbSchema = path.join(server, 'db-schema.ts');

  const PUBLIC_FACE = "a module's index.ts is its public face: import another module only through it";
  const commonServer = [
    {
      target: platform,
      from: [modulesDir, ...roots],
      message: 'The platform never imports a module (nor the composition root that wires them): let the caller pass in what it needs.',
    },
    { target: modulesDir, from: roots, message: 'A module never imports the composition root (app.ts, server.ts, cli.ts, db-schema.ts, demo/).' },
    { target: path.join(root, 'apps/server'), from: path.join(root, 'apps/web'), message: 'The server never imports the web app.' },
  ];

  const serverZones = [
    ...modules.map((m) => ({ target: path.join(modulesDir, m), from: modulesDir, except: [`./${m}`, ...moduleIndexes], message: PUBLIC_FACE })),
    // globs, so that a file or folder added next to app.ts is covered without a new entry here
    {
      target: [path.join(server, '!(db-schema).ts'), path.join(server, '!(modules|platform)/**')],
      from: modulesDir,
      except: moduleIndexes,
      message: PUBLIC_FACE,
    },
    // drizzle-kit reads db-schema.ts: the tables and nothing else, so it loads no module's code
    { target: dbSchema, from: modulesDir, except: allTables, message: 'db-schema.ts gathers the modules’ *.tables.ts files and nothing else.' },
    ...commonServer,
  ];

  // A *.tables.ts file may import another module's *.tables.ts — foreign keys name the other
  // table's column — and nothing else of it. drizzle-kit loads db-schema.ts, which loads only
  // tables; were a table to import another module's index.ts, drizzle-kit would load that
  // module's routes and services, and users/index → users.tables → orgs/index → orgs.service →
  // users/index would be a cycle.
  const tablesZones = [
    ...modules.map((m) => ({
      target: path.join(modulesDir, m),
      from: modulesDir,
      except: [`./${m}`, ...allTables],
      message: 'A *.tables.ts file imports only other modules’ *.tables.ts files (foreign keys), never their code.',
    })),
    ...commonServer,
  ];

  const featureIndexes = features.map((f) => indexOf(featuresDir, f));
  // what features and the app shell share: components/, lib/, i18n/ (every folder but app/ and features/)
  const shared = entriesIn(web)
    .filter((e) => e.isDirectory() && e.name !== 'app' && e.name !== 'features')
    .map((e) => path.join(web, e.name));
  const webZones = [
    ...features.map((f) => ({
      target: path.join(featuresDir, f),
      from: featuresDir,
      except: [`./${f}`, ...featureIndexes],
      message: "A feature's index.ts is its public face: import another feature only through it.",
    })),
    { target: featuresDir, from: path.join(web, 'app'), message: 'Features never import the app shell (app/): shared code lives in components/ or lib/.' },
    ...shared.map((s) => ({
      target: s,
      from: [featuresDir, path.join(web, 'app')],
      message: 'Shared code (components/, lib/, i18n/) never imports a feature or the app shell.',
    })),
    {
      target: path.join(root, 'apps/web'),
      from: path.join(root, 'apps/server'),
      message: 'The web app never imports the server: shared types live in @khien/contracts.',
    },
  ];

  return { server: serverZones, tables: tablesZones, web: webZones, modules, features };
}
