import type { ShownProblem } from '../api/problems';

/** Messages for the page's live region: what the console is waiting for, what went wrong. */
export interface Notice {
  id: number;
  kind: 'info' | 'problem';
  text: string;
  problem?: ShownProblem;
}

type Listener = (all: Notice[]) => void;

class Notices {
  private all: Notice[] = [];
  private listeners = new Set<Listener>();
  private nextId = 1;

  info(text: string) {
    this.add({ id: this.nextId++, kind: 'info', text });
  }

  problem(problem: ShownProblem) {
    this.add({ id: this.nextId++, kind: 'problem', text: problem.title, problem });
  }

  dismiss(id: number) {
    this.all = this.all.filter((notice) => notice.id !== id);
    this.emit();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    listener(this.all);
    return () => this.listeners.delete(listener);
  }

  private add(notice: Notice) {
    this.all = [...this.all.slice(-3), notice];
    this.emit();
    if (notice.kind === 'info') {
      setTimeout(() => this.dismiss(notice.id), 8000);
    }
  }

  private emit() {
    this.listeners.forEach((listener) => listener(this.all));
  }
}

export const notices = new Notices();
