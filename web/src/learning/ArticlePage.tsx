import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorMessage, QueryView } from '../components/DataState';
import { useIsAdmin } from '../admin/queries';
import { formatDate } from '../lib/format';
import { TOPICS, useArticle, useSaveArticle } from './queries';

/**
 * One article: the server's sanitised HTML (Markdig, then HtmlSanitizer: no scripts, handlers or javascript: links, docs/learning.md),
 * and for admins an editor of its Markdown.
 */
export function ArticlePage() {
  const { slug = '' } = useParams();
  const article = useArticle(slug);
  const admin = useIsAdmin();
  const [editing, setEditing] = useState(false);
  return (
    <main id="main" className="mx-auto max-w-3xl space-y-4 p-4">
      <p className="text-sm">
        <Link to="/learn" className="text-brand-700 underline">
          All articles
        </Link>
      </p>
      <QueryView query={article} loadingLabel="Loading the article…">
        {(a) => (
          <>
            <p className="text-xs text-slate-600" data-testid="article-meta">
              {a.readingMinutes} min read · {a.topics.join(', ')} · updated {formatDate(a.updatedUtc.slice(0, 10))}
            </p>
            {/* Sanitised on the server on every read (docs/learning.md). */}
            <article className="prose space-y-3" data-testid="article" dangerouslySetInnerHTML={{ __html: a.html }} />
            {admin &&
              (editing ? (
                <Editor
                  slug={a.slug}
                  initial={{ title: a.title, topics: a.topics, summary: a.summary, markdown: a.markdown, version: a.version }}
                  onDone={() => setEditing(false)}
                />
              ) : (
                <button type="button" className="btn-secondary" onClick={() => setEditing(true)}>
                  Edit this article
                </button>
              ))}
          </>
        )}
      </QueryView>
    </main>
  );
}

function Editor({ slug, initial, onDone }: { slug: string; initial: { title: string; topics: string[]; summary: string; markdown: string; version: number }; onDone: () => void }) {
  const save = useSaveArticle(slug);
  const [title, setTitle] = useState(initial.title);
  const [topics, setTopics] = useState<string[]>(initial.topics);
  const [summary, setSummary] = useState(initial.summary);
  const [markdown, setMarkdown] = useState(initial.markdown);
  return (
    <form
      className="card space-y-3"
      aria-label="Edit the article"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ title, topics, summary, markdown, version: initial.version }, { onSuccess: onDone });
      }}
    >
      {save.isError && <ErrorMessage error={save.error} title="The article was not saved" />}
      <label className="block text-sm">
        <span className="label">Title</span>
        <input className="input w-full" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} required />
      </label>
      <fieldset className="flex flex-wrap gap-3 text-sm">
        <legend className="label">Topics</legend>
        {TOPICS.map((t) => (
          <label key={t}>
            <input type="checkbox" checked={topics.includes(t)} onChange={(e) => setTopics(e.target.checked ? [...topics, t] : topics.filter((x) => x !== t))} /> {t}
          </label>
        ))}
      </fieldset>
      <label className="block text-sm">
        <span className="label">Summary</span>
        <input className="input w-full" value={summary} maxLength={2000} onChange={(e) => setSummary(e.target.value)} />
      </label>
      <label className="block text-sm">
        <span className="label">Markdown</span>
        <textarea className="input h-96 w-full font-mono" value={markdown} onChange={(e) => setMarkdown(e.target.value)} required />
      </label>
      <div className="flex gap-2">
        <button type="submit" className="btn" disabled={save.isPending}>
          Save
        </button>
        <button type="button" className="btn-secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
