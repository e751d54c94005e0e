import { EditGate } from '../../components/editor/EditGate';
import { ArticleEditorPage } from './ArticleEditorPage';
import { ContentPage } from './ContentPage';
import { QuizEditorPage } from './QuizEditorPage';
import { TrackEditorPage } from './TrackEditorPage';

/**
 * Everything under `#/edit`: the content desk (`#/edit`), articles (`#/edit/<id>`, `#/edit/new`,
 * `#/edit/role:<id>`), tracks (`#/edit/track:<id>`) and quizzes (`#/edit/quiz:<id>`). Article ids
 * never contain `:`, so the prefixes cannot clash with them.
 */
export function EditPage({ id, query, onPickProfile }: { id: string; query: URLSearchParams; onPickProfile: () => void }) {
  return (
    <EditGate onPickProfile={onPickProfile}>
      {(token) => {
        if (!id) return <ContentPage token={token} />;
        if (id.startsWith('track:')) return <TrackEditorPage key={id} token={token} id={id.slice(6)} />;
        if (id.startsWith('quiz:')) return <QuizEditorPage key={id} token={token} id={id.slice(5)} />;
        return <ArticleEditorPage key={id} token={token} id={id} query={query} />;
      }}
    </EditGate>
  );
}
