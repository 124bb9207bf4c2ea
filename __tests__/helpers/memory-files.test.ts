import { memoryFiles } from './memory-files.js';

describe('memoryFiles', () => {
  const files = memoryFiles({ 'a/b.txt': 'B', 'a/c/d.txt': 'D', 'top.txt': 'T' });

  it('reads files and rejects missing ones with ENOENT', async () => {
    await expect(files.readText('a/b.txt')).resolves.toBe('B');
    await expect(files.readText('./a//c/d.txt')).resolves.toBe('D');
    await expect(files.readText('nope.txt')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('infers directories from the paths and lists them sorted', async () => {
    await expect(files.listDir('')).resolves.toEqual(['a', 'top.txt']);
    await expect(files.listDir('a')).resolves.toEqual(['b.txt', 'c']);
    await expect(files.listDir('top.txt')).rejects.toMatchObject({ code: 'ENOTDIR' });
    await expect(files.listDir('missing')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('tells files from directories', async () => {
    await expect(files.kind('a')).resolves.toBe('directory');
    await expect(files.kind('a/b.txt')).resolves.toBe('file');
    await expect(files.kind('x')).resolves.toBeNull();
  });
});
