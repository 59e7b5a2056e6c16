// Paths in one form (server/src/paths.ts) and globs (server/src/spec-files.ts): the forms clients
// send folder URIs in (trailing slash, encoded drive letter, backslashes), and the glob semantics
// users know from .gitignore, ESLint and markdownlint.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { filePathOfUri, innermostFolder, isWithin, normalisePath } from '../../server/src/paths';
import { isSpecFile, matchesAnyGlob } from '../../server/src/spec-files';
import { parseJsonc } from '../../server/src/config/jsonc';

test('folder and file URIs: one form with or without a trailing slash, encoded or not', () => {
  assert.equal(filePathOfUri('file:///home/u/nova-specs/', false), '/home/u/nova-specs');
  assert.equal(filePathOfUri('file:///home/u/nova-specs//', false), '/home/u/nova-specs');
  assert.equal(filePathOfUri('file:///home/u/nova-specs', false), '/home/u/nova-specs');
  assert.equal(filePathOfUri('file:///home/u/my%20specs/specs/a.rst', false), '/home/u/my specs/specs/a.rst');
  assert.equal(filePathOfUri('file://localhost/home/u/a.rst', false), '/home/u/a.rst');
  assert.equal(filePathOfUri('file:///', false), '/');
  // Not a local file: undefined, never an exception.
  assert.equal(filePathOfUri('file://server/share/a.rst', false), undefined);
  assert.equal(filePathOfUri('untitled:Untitled-1', false), undefined);
  assert.equal(filePathOfUri('vscode-vfs://github/o/r/a.rst', false), undefined);
  assert.equal(filePathOfUri('file:///%E0%A4%A.rst', false), undefined);
  assert.equal(filePathOfUri('not a uri', false), undefined);
  assert.equal(filePathOfUri('file:///a%00b.rst', false), undefined);
});

test('Windows: drive letters in any case and encoding, backslashes, UNC paths', () => {
  assert.equal(filePathOfUri('file:///C:/Users/u/specs/', true), 'c:/Users/u/specs');
  assert.equal(filePathOfUri('file:///c%3A/Users/u/specs/a.rst', true), 'c:/Users/u/specs/a.rst');
  assert.equal(filePathOfUri('file://server/share/specs/a.rst', true), '//server/share/specs/a.rst');
  assert.equal(normalisePath('C:\\Users\\u\\specs\\', true), 'c:/Users/u/specs');
  assert.equal(normalisePath('c:\\Users\\u\\specs\\..\\docs', true), 'c:/Users/u/docs');
  assert.equal(normalisePath('C:\\', true), 'c:/');
  assert.equal(normalisePath('\\\\server\\share\\x', true), '//server/share/x');
  // On POSIX a backslash is a character of a name, and `/C:/` a folder.
  assert.equal(normalisePath('/a\\b/', false), '/a\\b');
  assert.equal(normalisePath('/C:/x', false), '/C:/x');
});

test('inside a folder: exact, whatever the folder was written with', () => {
  const folders = ['/ws', '/ws/nested', 'c:/'].map((folder) => normalisePath(folder, true));
  assert.equal(isWithin('/ws/specs/a.rst', normalisePath('/ws/', false)), true);
  assert.equal(isWithin('/ws', '/ws'), true);
  assert.equal(isWithin('/ws2/a.rst', '/ws'), false);
  assert.equal(isWithin('/a.rst', '/'), true);
  assert.equal(innermostFolder('/ws/nested/specs/a.rst', folders), '/ws/nested');
  assert.equal(innermostFolder('/ws/specs/a.rst', folders), '/ws');
  assert.equal(innermostFolder('c:/x/a.rst', folders), 'c:/');
  assert.equal(innermostFolder('/other/a.rst', folders), undefined);
});

test('globs: braces with wildcards, classes, and slashless globs by file name only (picomatch)', () => {
  assert.equal(matchesAnyGlob(['specs/**/{*,y}.rst'], '/ws/specs/a/b.rst', '/ws'), true);
  assert.equal(matchesAnyGlob(['{x?,y}.rst'], '/ws/x.rst', '/ws'), false);
  assert.equal(matchesAnyGlob(['{x?,y}.rst'], '/ws/xa.rst', '/ws'), true);
  assert.equal(matchesAnyGlob(['specs/[mn]*/approved/*.rst'], '/ws/specs/newton/approved/a.rst', '/ws'), true);
  assert.equal(matchesAnyGlob(['specs/[mn]*/approved/*.rst'], '/ws/specs/pike/approved/a.rst', '/ws'), false);
  assert.equal(matchesAnyGlob(['**/{index,*-draft}.rst'], '/ws/specs/pike/x-draft.rst', '/ws'), true);
  // A glob with a slash is anchored at the base; one without matches the name at any depth.
  assert.equal(matchesAnyGlob(['drafts/*.rst'], '/ws/specs/drafts/a.rst', '/ws'), false);
  assert.equal(matchesAnyGlob(['./drafts/*.rst'], '/ws/drafts/a.rst', '/ws'), true);
  assert.equal(matchesAnyGlob(['/drafts/*.rst'], '/ws/drafts/a.rst', '/ws'), true);
  assert.equal(matchesAnyGlob(['index.rst'], '/ws/specs/pike/index.rst', '/ws'), true);
  assert.equal(matchesAnyGlob(['specs/*.rst'], '/ws/specs/a/b.rst', '/ws'), false);
  // Not a glob picomatch can read (over 64 KB): matches nothing, never an exception.
  assert.equal(matchesAnyGlob(['a'.repeat(70_000)], '/ws/a.rst', '/ws'), false);
  // The defaults from a workspace folder opened at specs/ itself (`**/` matches anywhere).
  assert.equal(isSpecFile('/home/u/nova-specs/specs/pike/approved/x.rst', '/home/u/nova-specs/specs'), true);
  assert.equal(isSpecFile('c:\\ws\\specs\\pike\\approved\\x.rst', 'C:\\ws\\'), process.platform === 'win32');
});

test('config text: nesting beyond 64 levels is one error; a bad token is quoted up to 20 characters', () => {
  assert.deepEqual(parseJsonc(`{"a": ${'['.repeat(5000)}`).error, {
    message: 'values are nested more than 64 levels deep',
    offset: 69,
    end: 70,
  });
  assert.equal(parseJsonc(`{"a": ${'['.repeat(62)}${']'.repeat(62)}}`).error, undefined);
  assert.equal(parseJsonc('SECRET_TOKEN=abcdefghijklmnopqrstuvwxyz').error?.message, "expected a value, found 'SECRET_TOKEN'");
  assert.equal(parseJsonc('ABCDEFGHIJKLMNOPQRSTUVWXYZ').error?.message, "expected a value, found 'ABCDEFGHIJKLMNOPQRST'");
  assert.equal(parseJsonc('#!x').error?.message, "expected a value, found '#'");
});
