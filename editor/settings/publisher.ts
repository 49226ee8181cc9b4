/**
 * Your name, recorded on each version you publish. It belongs to the person
 * at this browser, not to the workspace, so it is kept in localStorage and
 * never exported with the workspace.
 */
import { useSyncExternalStore } from 'react';

const KEY = 'recflow.publisherName';
const listeners = new Set<() => void>();
let memory = '';

export function readPublisherName(): string {
  try {
    return localStorage.getItem(KEY) ?? memory;
  } catch {
    return memory;
  }
}

export function writePublisherName(name: string): void {
  memory = name.slice(0, 200);
  try {
    localStorage.setItem(KEY, memory);
  } catch {
    // Private mode may refuse: the name then lasts for this visit.
  }
  for (const l of [...listeners]) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key === KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The publisher's name and a setter; every component showing it follows a change (in other tabs too). */
export function usePublisherName(): [string, (name: string) => void] {
  return [useSyncExternalStore(subscribe, readPublisherName, readPublisherName), writePublisherName];
}
