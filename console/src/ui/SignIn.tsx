import { useState } from 'preact/hooks';
import type { Challenge, ChallengeAnswer } from '../../generated';
import { useConsole } from './context';
import { useAction } from './hooks';
import { ProblemBox } from './Problem';

/**
 * Sign-in with POST /auth/login, then whatever challenge it answers, by name, at POST
 * /auth/challenge: a new password on an invited user's first login, a TOTP code when MFA is on.
 */
export function SignIn() {
  const { api, session } = useConsole();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [challenge, setChallenge] = useState<Challenge | undefined>();
  const { busy, problem, run } = useAction();

  const signIn = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      const answer = await api.auth.login({ loginRequest: { username, password } });
      if (answer.tokens) {
        await session.begin(answer.tokens);
      } else {
        setChallenge(answer.challenge);
      }
    });
  };

  return (
    <main class="sign-in" id="main">
      <h1>Tessera console</h1>
      {challenge ? (
        <ChallengeForm username={username} challenge={challenge} onRestart={() => setChallenge(undefined)} />
      ) : (
        <form onSubmit={signIn} aria-labelledby="sign-in-title">
          <h2 id="sign-in-title">Sign in</h2>
          <label>
            Email
            <input name="username" type="email" autocomplete="username" required value={username}
              onInput={(event) => setUsername(event.currentTarget.value)} />
          </label>
          <label>
            Password
            <input name="password" type="password" autocomplete="current-password" required value={password}
              onInput={(event) => setPassword(event.currentTarget.value)} />
          </label>
          <button type="submit" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
          <ProblemBox problem={problem} />
        </form>
      )}
    </main>
  );
}

interface ChallengeFormProps {
  username: string;
  challenge: Challenge;
  onRestart(): void;
}

function ChallengeForm({ username, challenge, onRestart }: ChallengeFormProps) {
  const { api, session } = useConsole();
  const [value, setValue] = useState('');
  const { busy, problem, run } = useAction();
  const field = CHALLENGE_FIELDS[challenge.name];

  if (!field) {
    return (
      <div class="challenge">
        <p role="alert">This account needs a sign-in step the console does not offer ({challenge.name}).</p>
        <button type="button" onClick={onRestart}>Back to sign-in</button>
      </div>
    );
  }

  const answer = (event: Event) => {
    event.preventDefault();
    const body: ChallengeAnswer = { username, session: challenge.session, ...field.answer(value) };
    void run(async () => session.begin(await api.auth.answerChallenge({ challengeAnswer: body })));
  };

  return (
    <form onSubmit={answer} aria-labelledby="challenge-title" class="challenge">
      <h2 id="challenge-title">{field.title}</h2>
      <p>{field.explanation}</p>
      <label>
        {field.label}
        <input name={field.name} required autoFocus value={value} {...field.input}
          onInput={(event) => setValue(event.currentTarget.value)} />
      </label>
      <button type="submit" disabled={busy}>{busy ? 'Sending…' : 'Continue'}</button>
      <button type="button" class="link" onClick={onRestart}>Start over</button>
      <ProblemBox problem={problem} />
    </form>
  );
}

interface ChallengeField {
  name: string;
  /** The one field of ChallengeAnswer this challenge asks for. */
  answer(value: string): Pick<ChallengeAnswer, 'newPassword' | 'code'>;
  title: string;
  explanation: string;
  label: string;
  input: Record<string, string | number>;
}

const CHALLENGE_FIELDS: Record<string, ChallengeField> = {
  NEW_PASSWORD_REQUIRED: {
    name: 'newPassword',
    answer: (newPassword) => ({ newPassword }),
    title: 'Choose a new password',
    explanation: 'This is your first sign-in: replace the temporary password (at least 12 characters with upper case, lower case and digits).',
    label: 'New password',
    input: { type: 'password', autocomplete: 'new-password', minLength: 12 },
  },
  SOFTWARE_TOKEN_MFA: {
    name: 'code',
    answer: (code) => ({ code }),
    title: 'Enter your authenticator code',
    explanation: 'Type the 6-digit code your authenticator app shows for Tessera.',
    label: 'Code',
    input: { inputMode: 'numeric', autocomplete: 'one-time-code', pattern: '[0-9]{6}', maxLength: 6 },
  },
};
