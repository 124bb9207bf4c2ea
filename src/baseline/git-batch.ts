/**
 * One long-running `git cat-file --batch-command` for every object a baseline reads: a run reads a handful of
 * trees and blobs, and starting git for each costs more than the whole check of a small repository. Requests
 * are answered in order; `info` gives an object's type and size before any content is sent, so an oversized blob
 * is refused without being read.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { TreeEntry, TreeSource } from '../tree-files.js';

interface Answer {
  id: string;
  type: string;
  size: number;
  content?: Buffer;
}

interface Pending {
  withContent: boolean;
  resolve: (value: Answer | null) => void;
  reject: (error: Error) => void;
}

/** Bytes of one object's content that the batch accepts into memory (a tree of 10,000 entries is far smaller). */
const MAX_OBJECT_BYTES = 64 * 1024 * 1024;

export class GitBatch {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly queue: Pending[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  private failed: Error | undefined;

  constructor(root: string) {
    this.child = spawn('git', ['-C', root, 'cat-file', '--batch-command'], {
      windowsHide: true,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_NO_REPLACE_OBJECTS: '1' }
    });
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    const fail = (error: Error): void => {
      this.failed ??= error;
      for (const p of this.queue.splice(0)) p.reject(this.failed);
    };
    this.child.on('error', fail);
    this.child.on('exit', () => fail(new Error('git cat-file ended')));
    this.child.stdin.on('error', fail);
    // Never keeps the process alive on its own.
    this.child.unref();
    // The pipes are sockets: unref'd too, so a batch that was never closed cannot hold the process open.
    for (const stream of [this.child.stdout, this.child.stdin]) (stream as unknown as { unref?: () => void }).unref?.();
  }

  /** Id, type and size of `object` (any revision expression), or `null` when it does not exist. */
  info(object: string): Promise<Answer | null> {
    return this.request(`info ${object}`, false);
  }

  /** Id, type, size and content of `object`, or `null` when it does not exist. */
  async contents(object: string): Promise<Required<Answer> | null> {
    const answer = await this.request(`contents ${object}`, true);
    return answer ? { ...answer, content: answer.content ?? Buffer.alloc(0) } : null;
  }

  close(): void {
    this.child.stdin.end();
  }

  private request(line: string, withContent: boolean): Promise<Answer | null> {
    if (this.failed) return Promise.reject(this.failed);
    if (/[\n\0]/.test(line)) return Promise.resolve(null);
    return new Promise((resolve, reject) => {
      this.queue.push({ withContent, resolve, reject });
      this.child.stdin.write(`${line}\n`);
    });
  }

  private drain(): void {
    for (;;) {
      const pending = this.queue[0];
      if (!pending) return;
      const newline = this.buffer.indexOf(0x0a);
      if (newline < 0) return;
      const header = this.buffer.subarray(0, newline).toString('utf8');
      const parts = header.split(' ');
      if (parts[parts.length - 1] === 'missing' || parts[parts.length - 1] === 'ambiguous') {
        this.buffer = this.buffer.subarray(newline + 1);
        this.queue.shift();
        pending.resolve(null);
        continue;
      }
      const id = parts[0] ?? '';
      const type = parts[1] ?? '';
      const size = Number(parts[2]);
      if (!Number.isSafeInteger(size) || size < 0) {
        this.failed = new Error('git cat-file answered in an unexpected form');
        for (const p of this.queue.splice(0)) p.reject(this.failed);
        this.child.kill();
        return;
      }
      if (!pending.withContent) {
        this.buffer = this.buffer.subarray(newline + 1);
        this.queue.shift();
        pending.resolve({ id, type, size });
        continue;
      }
      if (size > MAX_OBJECT_BYTES) {
        this.failed = new Error('an object of the base commit is too large to read');
        for (const p of this.queue.splice(0)) p.reject(this.failed);
        this.child.kill();
        return;
      }
      // Header, content, and the newline git writes after it.
      if (this.buffer.length < newline + 1 + size + 1) return;
      const content = Buffer.from(this.buffer.subarray(newline + 1, newline + 1 + size));
      this.buffer = this.buffer.subarray(newline + 1 + size + 1);
      this.queue.shift();
      pending.resolve({ id, type, size, content });
    }
  }
}

/** Parses a raw tree object: `<mode> <name>\0<binary id>` repeated; `idBytes` is 20 (SHA-1) or 32 (SHA-256). */
export function parseTreeObject(content: Buffer, idBytes: number): Omit<TreeEntry, 'size'>[] {
  const entries: Omit<TreeEntry, 'size'>[] = [];
  let at = 0;
  while (at < content.length) {
    const space = content.indexOf(0x20, at);
    const nul = content.indexOf(0x00, space + 1);
    if (space < 0 || nul < 0 || nul + 1 + idBytes > content.length) break;
    const mode = content.subarray(at, space).toString('ascii');
    const name = content.subarray(space + 1, nul).toString('utf8');
    const id = content.subarray(nul + 1, nul + 1 + idBytes).toString('hex');
    const kind: TreeEntry['kind'] =
      mode === '40000' ? 'tree' : mode === '120000' ? 'link' : mode === '160000' ? 'other' : 'blob';
    entries.push({ name, kind, id });
    at = nul + 1 + idBytes;
  }
  return entries;
}

/** A TreeSource over one batch process. Blob sizes are asked with `info` before their content. */
export function batchTreeSource(batch: GitBatch, idBytes: number): TreeSource {
  return {
    listTree: async (treeId) => {
      const answer = await batch.contents(treeId);
      if (!answer || answer.type !== 'tree') throw new Error('the tree cannot be read');
      return parseTreeObject(answer.content, idBytes);
    },
    readBlob: async (blobId, maxBytes) => {
      const info = await batch.info(blobId);
      if (!info || info.type !== 'blob') throw new Error('the blob cannot be read');
      // Over the limit: a buffer one byte too long tells the caller so, without the content being read.
      if (info.size > maxBytes) return Buffer.alloc(maxBytes + 1);
      const answer = await batch.contents(blobId);
      if (!answer) throw new Error('the blob cannot be read');
      return answer.content;
    }
  };
}
