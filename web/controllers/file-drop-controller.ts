import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A file the reader drops on a card or picks with its file input, handed to `take`. While a file is
 * held over the card, `dragging` is true (the card shows it); the drop stays with the card, so the run
 * panel's own drop, which opens scenarios, does not see it too.
 */
export class FileDropController implements ReactiveController {
  dragging = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly take: (file: File) => void,
  ) {
    host.addController(this);
  }

  // Nothing to do on connect; one member of ReactiveController (all optional) is needed for the type.
  hostConnected(): void {}

  /** `@dragover`: only files are accepted here. */
  readonly over = (e: DragEvent): void => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    e.stopPropagation();
    this.setDragging(true);
  };

  /** `@dragleave`. */
  readonly leave = (): void => this.setDragging(false);

  /** `@drop`: the first file dropped. */
  readonly drop = (e: DragEvent): void => {
    e.preventDefault();
    e.stopPropagation();
    this.setDragging(false);
    const file = e.dataTransfer?.files[0];
    if (file) this.take(file);
  };

  /** `@change` of the file input: the file picked, and the input emptied so the same file can be picked again. */
  readonly pick = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) this.take(file);
  };

  private setDragging(dragging: boolean): void {
    if (this.dragging === dragging) return;
    this.dragging = dragging;
    this.host.requestUpdate();
  }
}
