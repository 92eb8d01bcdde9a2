import { useEffect, useRef, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { can } from '../../api/auth';
import type { Session } from '../../api/types';
import { camerasQuery } from '../../api/occurrences';
import { Button, SelectField } from '../../components/fields';
import { useTitle } from '../../components/useTitle';
import { MakeExhibitForm } from './MakeExhibitForm';
import { UploadList } from './UploadList';
import { useUploads } from './useUploads';

/**
 * Footage in from the browser: files chosen or dropped, each uploaded in resumable chunks with its
 * own progress, then what Vigil made of it (its SHA-256, what ffprobe found, or why it was refused).
 * Below, the footage not yet an exhibit, to make one of.
 */
export function UploadPage({ session }: { session: Session }) {
  useTitle('Upload footage');
  const queryClient = useQueryClient();
  const [uploadedHere, setUploadedHere] = useState<string[]>([]);
  const uploads = useUploads({
    onStored: ({ recording }) => {
      setUploadedHere((ids) => (ids.includes(recording.id) ? ids : [...ids, recording.id]));
      void queryClient.invalidateQueries({ queryKey: ['recordings'] });
    },
  });
  const cameras = useQuery({ ...camerasQuery, enabled: can(session, 'estate.read') });
  const [cameraId, setCameraId] = useState('');
  const [chosen, setChosen] = useState<File[]>([]);
  const [error, setError] = useState<string>();
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  // Leaving mid-upload asks first (the upload can carry on later, but only if the same files are chosen again).
  const busy = uploads.items.some((i) => i.status === 'uploading');
  useEffect(() => {
    if (!busy) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [busy]);

  const start = (event: React.FormEvent) => {
    event.preventDefault();
    if (!chosen.length) {
      setError('Choose the video files to upload');
      input.current?.focus();
      return;
    }
    setError(undefined);
    uploads.add(chosen, cameraId);
    setChosen([]);
    if (input.current) input.current.value = '';
  };

  const drop = (event: React.DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const files = [...event.dataTransfer.files];
    if (files.length) setChosen((c) => [...c, ...files]);
  };

  return (
    <>
      <Link className="govuk-back-link govuk-!-margin-top-0" to="/evidence">Back to exhibits</Link>
      <h1 className="govuk-heading-l">Upload footage</h1>
      <p className="govuk-body">
        Each file is hashed (SHA-256) as it arrives and read with ffprobe. A file that is not video, or is incomplete, is refused and nothing is kept.
        If the connection drops, the upload carries on where it stopped; after closing the page, choose the same file again to carry on.
      </p>
      <form onSubmit={start} noValidate aria-labelledby="upload-files-title" className="govuk-!-margin-bottom-6">
        <h2 className="govuk-heading-m" id="upload-files-title">Files to upload</h2>
        {!!cameras.data?.length && (
          <SelectField id="upload-cameraId" label="Camera (optional)" hint="The camera the footage is from, if every file chosen is from one camera"
            value={cameraId} onChange={setCameraId}
            options={[{ value: '', label: 'Not given' }, ...cameras.data.map((c) => ({ value: c.id, label: `${c.reference} ${c.name}` }))]} />
        )}
        <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label" htmlFor="upload-files">Video files</label>
          <div className="govuk-hint" id="upload-files-hint">Choose one or more files, or drag them onto this box. Files up to 64 GB.</div>
          {error && <p className="govuk-error-message" id="upload-files-error"><span className="govuk-visually-hidden">Error:</span> {error}</p>}
          <div className={`vigil-dropzone${dragging ? ' vigil-dropzone--over' : ''}`}
            onDragOver={(e) => { e.preventDefault(); setDragging(true); }} onDragLeave={() => setDragging(false)} onDrop={drop}>
            <input ref={input} className={`govuk-file-upload${error ? ' govuk-file-upload--error' : ''}`} id="upload-files" name="files" type="file" multiple
              aria-describedby={`upload-files-hint${error ? ' upload-files-error' : ''}`}
              onChange={(e) => { setChosen([...(e.target.files ?? [])]); setError(undefined); }} />
            <p className="govuk-body-s govuk-!-margin-bottom-0" aria-live="polite">
              {chosen.length ? `Chosen: ${chosen.map((f) => f.name).join(', ')}` : 'No files chosen'}
            </p>
          </div>
        </div>
        <Button>Upload files</Button>
      </form>

      <UploadList items={uploads.items} onPause={uploads.pause} onResume={uploads.resume} onRetry={uploads.retry} onDismiss={uploads.dismiss} />
      <MakeExhibitForm uploadedHere={uploadedHere} cameras={cameras.data ?? []} />
    </>
  );
}
