import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <main id="main" className="mx-auto max-w-6xl p-4">
      <h1>Page not found</h1>
      <p className="mt-2">
        There is nothing at this address. <Link to="/" className="text-brand-700 underline">Go to your households</Link>.
      </p>
    </main>
  );
}
