import { describe, expect, it } from 'vitest';
import {
  autoOpenHostOf,
  autoOpenOrigin,
  normalizeAutoOpenHost,
  repairAutoOpenHosts,
} from './auto-open.js';

describe('auto-open hosts', () => {
  it('normalizes what a user types to a host name', () => {
    expect(normalizeAutoOpenHost(' News.Example.COM ')).toBe('news.example.com');
    expect(normalizeAutoOpenHost('https://www.example.com/a/b?c')).toBe('www.example.com');
    expect(normalizeAutoOpenHost('127.0.0.1')).toBe('127.0.0.1');
    for (const bad of ['', '*', '*.example.com', 'exa mple.com', 'http://', 'a/b']) {
      expect(normalizeAutoOpenHost(bad), bad).toBeNull();
    }
  });

  it('repairs stored values: keeps valid unique hosts, drops the rest', () => {
    expect(repairAutoOpenHosts(['a.example', 'A.example', 7, null, '*', 'b.example'])).toEqual([
      'a.example',
      'b.example',
    ]);
    expect(repairAutoOpenHosts('a.example')).toEqual([]);
    expect(repairAutoOpenHosts(undefined)).toEqual([]);
  });

  it('matches page URLs by exact host, http(s) only', () => {
    const hosts = ['news.example'];
    expect(autoOpenHostOf(hosts, 'https://news.example/a.html')).toBe('news.example');
    expect(autoOpenHostOf(hosts, 'http://NEWS.example./a')).toBe('news.example');
    expect(autoOpenHostOf(hosts, 'https://sub.news.example/a')).toBeNull();
    expect(autoOpenHostOf(hosts, 'file:///news.example/a')).toBeNull();
    expect(autoOpenHostOf(hosts, 'not a url')).toBeNull();
    expect(autoOpenOrigin('news.example')).toBe('*://news.example/*');
  });
});
