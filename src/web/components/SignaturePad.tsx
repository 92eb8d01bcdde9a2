import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { ErrorMessage } from './fields';
import { canvasPoint, fitFontSize, SIGNATURE_FONT, strokeSegments, type Point } from './signature';

export interface SignaturePadHandle {
  /** The signature as a PNG data URL; undefined while the box is empty. */
  toPng(): string | undefined;
  clear(): void;
}

// Drawn at a fixed size whatever the screen, so that every signature image is alike (and small).
const WIDTH = 800;
const HEIGHT = 240;

/**
 * A box to sign in with a mouse, a finger or a pen (pointer events). For those who cannot draw, a
 * typed name is written into the box in a handwriting-like font, so that a PNG is made either way.
 */
export function SignaturePad({ id, error, ref, legend = 'Your signature', who = 'your' }: {
  id: string; error?: string; ref: Ref<SignaturePadHandle>;
  /** The fieldset's legend, and whose name is typed ("your", "the engineer’s"), when someone else signs. */
  legend?: string; who?: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const strokes = useRef<Point[][]>([]);
  const drawing = useRef<number | null>(null);
  const [signed, setSigned] = useState<'drawn' | 'typed' | null>(null);
  const [typed, setTyped] = useState('');
  const button = who === 'your' ? 'Sign with my typed name' : 'Sign with the typed name';

  const context = () => canvas.current?.getContext('2d') ?? null;
  const blank = () => {
    const c = context();
    if (!c) return;
    c.fillStyle = '#ffffff';
    c.fillRect(0, 0, WIDTH, HEIGHT);
    c.strokeStyle = '#b1b4b6';
    c.lineWidth = 2;
    c.beginPath();
    c.moveTo(40, HEIGHT - 50);
    c.lineTo(WIDTH - 40, HEIGHT - 50);
    c.stroke();
  };
  const redraw = () => {
    const c = context();
    if (!c) return;
    blank();
    c.strokeStyle = c.fillStyle = '#0b0c0c';
    c.lineWidth = 4;
    c.lineCap = c.lineJoin = 'round';
    for (const stroke of strokes.current) {
      for (const s of strokeSegments(stroke)) {
        c.beginPath();
        if (s.kind === 'dot') {
          c.arc(s.at.x, s.at.y, 2.5, 0, Math.PI * 2);
          c.fill();
        } else {
          c.moveTo(s.from.x, s.from.y);
          c.quadraticCurveTo(s.control.x, s.control.y, s.to.x, s.to.y);
          c.stroke();
        }
      }
    }
  };
  useEffect(blank, []);

  const clear = () => {
    strokes.current = [];
    setSigned(null);
    blank();
  };
  useImperativeHandle(ref, () => ({ toPng: () => (signed && canvas.current ? canvas.current.toDataURL('image/png') : undefined), clear }), [signed]);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) =>
    canvasPoint({ clientX: e.clientX, clientY: e.clientY, rect: e.currentTarget.getBoundingClientRect(), width: WIDTH, height: HEIGHT });
  const down = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    if (signed === 'typed') strokes.current = [];
    drawing.current = e.pointerId;
    strokes.current.push([point(e)]);
    setSigned('drawn');
    redraw();
  };
  const move = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (drawing.current !== e.pointerId) return;
    // Every sample a fast pen gave since the last frame, for a smooth line.
    const samples = e.nativeEvent.getCoalescedEvents?.() ?? [e.nativeEvent];
    const rect = e.currentTarget.getBoundingClientRect();
    strokes.current.at(-1)!.push(...samples.map((s) => canvasPoint({ clientX: s.clientX, clientY: s.clientY, rect, width: WIDTH, height: HEIGHT })));
    redraw();
  };
  const up = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (drawing.current === e.pointerId) drawing.current = null;
  };

  const signWithName = () => {
    const name = typed.trim();
    const c = context();
    if (!name || !c) return;
    strokes.current = [];
    blank();
    const size = fitFontSize({ measure: (px) => { c.font = `italic ${px}px ${SIGNATURE_FONT}`; return c.measureText(name).width; }, width: WIDTH - 100, max: 96, min: 16 });
    c.font = `italic ${size}px ${SIGNATURE_FONT}`;
    c.fillStyle = '#0b0c0c';
    c.textBaseline = 'alphabetic';
    c.fillText(name, 50, HEIGHT - 60);
    setSigned('typed');
  };

  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <div className="govuk-hint" id={`${id}-hint`}>Sign in the box with a mouse, your finger or a pen. Or type {who} name below and choose “{button}”.</div>
        <ErrorMessage id={id} message={error} />
        <canvas ref={canvas} width={WIDTH} height={HEIGHT} className="vigil-signature" role="img"
          aria-label={signed === 'typed' ? `Signature box, signed with the typed name ${typed.trim()}` : signed ? 'Signature box, signed' : 'Signature box, empty'}
          onPointerDown={down} onPointerMove={move} onPointerUp={up} onPointerCancel={up} />
        <p className="govuk-body-s" role="status" aria-live="polite">{signed ? 'Signed.' : 'Not signed yet.'}</p>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={clear}>Clear signature</button>
        <div className="vigil-field-with-button">
          <div className="govuk-form-group govuk-!-margin-bottom-0">
            <label className="govuk-label" htmlFor={id}>Or type {who} name to sign</label>
            <input className="govuk-input govuk-input--width-20" id={id} type="text" autoComplete="name" spellCheck={false} value={typed} onChange={(e) => setTyped(e.target.value)}
              onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); signWithName(); } }} />
          </div>
          <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 vigil-inline-button" onClick={signWithName}>{button}</button>
        </div>
      </fieldset>
    </div>
  );
}
