import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { metaQuery } from '../api/auth';

/** Sets the document title: "Error: Page – Council Vigil". */
export function useTitle(title: string, { error = false } = {}) {
  const { data: meta } = useQuery(metaQuery);
  useEffect(() => {
    const service = meta?.councilName ? `${meta.councilName} Vigil` : 'Vigil';
    document.title = `${error ? 'Error: ' : ''}${title} – ${service}`;
  }, [title, error, meta?.councilName]);
}
