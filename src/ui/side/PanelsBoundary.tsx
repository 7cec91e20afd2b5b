import { Component, type ReactNode } from 'react';

interface Props {
  /** Says what failed, with the error's message. */
  failed: (message: string) => string;
  reload: string;
  children: ReactNode;
}

/**
 * Catches a failure to load or render the analysis panels (their chunk is fetched after the first
 * map, and a deploy in between or a dropped connection can fail it), so the map, KPIs and ranking
 * stay usable and the side column says what happened and offers a reload (the view is in the URL).
 */
export class PanelsBoundary extends Component<Props, { error: string | null }> {
  override state = { error: null as string | null };

  static getDerivedStateFromError(error: unknown): { error: string } {
    return { error: error instanceof Error ? error.message : String(error) };
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return (
      <section className="panel side-panel panels-failed" role="alert" data-testid="panels-failed">
        <p>{this.props.failed(this.state.error)}</p>
        <button type="button" onClick={() => window.location.reload()}>{this.props.reload}</button>
      </section>
    );
  }
}
