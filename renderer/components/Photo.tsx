import { useState } from 'react';
import { texts } from '../texts';

/**
 * A passport photo (eID or UiTPAS) at its fixed size. One that does not
 * decode shows the empty frame with a short word for screen readers, never
 * its alt text spilling over the panel.
 */
export function Photo({ jpegBase64, alt, className, testId }: { jpegBase64: string; alt: string; className?: string; testId?: string }) {
  const [broken, setBroken] = useState<string | null>(null);
  if (broken === jpegBase64) {
    return (
      <div className={`photo-placeholder${className ? ` ${className}` : ''}`} data-testid="photo-placeholder">
        <span className="sr-only">{texts.eid.photoUnreadable}</span>
      </div>
    );
  }
  return <img className={className} src={`data:image/jpeg;base64,${jpegBase64}`} alt={alt} width={70} height={100} data-testid={testId} onError={() => setBroken(jpegBase64)} />;
}
