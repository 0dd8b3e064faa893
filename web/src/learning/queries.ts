import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

export const learningKeys = {
  all: ['articles'] as const,
  list: (topic: string) => ['articles', 'list', topic] as const,
  one: (slug: string) => ['articles', 'one', slug] as const,
};

export const TOPICS = ['basics', 'investing', 'tax', 'retirement', 'planning', 'risk'] as const;

export function useArticles(topic: string) {
  return useQuery({
    queryKey: learningKeys.list(topic),
    queryFn: () => unwrap(api.GET('/api/v1/articles', { params: { query: { topic: topic || undefined } } })),
  });
}

export function useArticle(slug: string) {
  return useQuery({ queryKey: learningKeys.one(slug), queryFn: () => unwrap(api.GET('/api/v1/articles/{slug}', { params: { path: { slug } } })) });
}

/** Admins: PUT /admin/articles/{slug} with the version read. */
export function useSaveArticle(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { title: string; topics: string[]; summary: string; markdown: string; version: number }) =>
      unwrap(api.PUT('/api/v1/admin/articles/{slug}', { params: { path: { slug } }, body })),
    onSettled: () => client.invalidateQueries({ queryKey: learningKeys.all }),
  });
}
