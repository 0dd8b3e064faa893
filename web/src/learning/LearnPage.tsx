import { useState } from 'react';
import { Link } from 'react-router';
import { Empty, QueryView } from '../components/DataState';
import { TOPICS, useArticles } from './queries';

/** The learning articles (docs/learning.md), filtered by topic, each with its reading time. */
export function LearnPage() {
  const [topic, setTopic] = useState('');
  const articles = useArticles(topic);
  return (
    <main id="main" className="mx-auto max-w-4xl space-y-4 p-4">
      <h1>Learn</h1>
      <fieldset className="flex flex-wrap gap-1" aria-label="Topic">
        {['', ...TOPICS].map((t) => (
          <button key={t || 'all'} type="button" aria-pressed={topic === t} className={topic === t ? 'btn' : 'btn-secondary'} onClick={() => setTopic(t)}>
            {t || 'All topics'}
          </button>
        ))}
      </fieldset>
      <QueryView query={articles} loadingLabel="Loading articles…">
        {(list) =>
          list.length === 0 ? (
            <Empty>No article on this topic yet.</Empty>
          ) : (
            <ul className="space-y-3" data-testid="articles">
              {list.map((a) => (
                <li key={a.slug} className="card">
                  <h2>
                    <Link to={`/learn/${a.slug}`} className="text-brand-700 underline">
                      {a.title}
                    </Link>
                  </h2>
                  <p className="text-sm">{a.summary}</p>
                  <p className="text-xs text-slate-600">
                    {a.readingMinutes} min read · {a.topics.join(', ')}
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
    </main>
  );
}
