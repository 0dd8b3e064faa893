import { Link } from 'react-router';

/**
 * A link from an empty state or a hint to a learning article (docs/learning.md): the slug is the
 * article's file name, the text says what the reader will learn.
 */
export function LearnMore({ slug, children }: { slug: string; children: string }) {
  return (
    <>
      {' '}
      <Link to={`/learn/${slug}`} className="text-brand-700 underline">
        {children}
      </Link>
    </>
  );
}
