import { useId, type ReactNode } from 'react';

/** Props of {@link SettingsCard}. */
export interface SettingsCardProps {
  /** The card's heading, which also names the section for assistive technology. */
  title: string;
  children: ReactNode;
}

/** One card of the Settings page: a section named by its heading. */
export function SettingsCard({ title, children }: SettingsCardProps) {
  const headingId = useId();
  return (
    <section className="card settings-card" aria-labelledby={headingId}>
      <div className="section-header">
        <h2 id={headingId}>{title}</h2>
      </div>
      {children}
    </section>
  );
}
