const paths = {
  home: 'M3 10.5 12 3l9 7.5V20a1 1 0 0 1-1 1h-5v-6H9v6H4a1 1 0 0 1-1-1z',
  library: 'M4 4h4v16H4zM10 4h4v16h-4zM16.5 4.5l3.8-1 3.2 15.5-3.8 1z',
  search: 'M10.5 3a7.5 7.5 0 0 1 5.9 12.1l4.8 4.8-1.4 1.4-4.8-4.8A7.5 7.5 0 1 1 10.5 3zm0 2a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11z',
  onboarding: 'M4 4h10l-1 4 1 4H6v9H4zM16 6h4v9h-6',
  roles: 'M8 11a4 4 0 1 1 0-8 4 4 0 0 1 0 8zm8 0a3 3 0 1 1 0-6 3 3 0 0 1 0 6zM1 20c0-4 3-6 7-6s7 2 7 6zm15 0c0-2-.6-3.7-1.8-5 3.7-.3 6.8 1.4 6.8 5z',
  trainer: 'M3 20V10h4v10zm7 0V4h4v16zm7 0v-7h4v7z',
  settings: 'M12 8a4 4 0 1 1 0 8 4 4 0 0 1 0-8zm8.5 5.5-2-.3-.6 1.4 1.2 1.6-1.8 1.8-1.6-1.2-1.4.6-.3 2h-2.5l-.3-2-1.4-.6-1.6 1.2-1.8-1.8 1.2-1.6-.6-1.4-2-.3v-2.5l2-.3.6-1.4-1.2-1.6 1.8-1.8 1.6 1.2 1.4-.6.3-2h2.5l.3 2 1.4.6 1.6-1.2 1.8 1.8-1.2 1.6.6 1.4 2 .3z',
  sun: 'M12 7a5 5 0 1 1 0 10 5 5 0 0 1 0-10zM11 1h2v3h-2zm0 19h2v3h-2zM1 11h3v2H1zm19 0h3v2h-3zM4.2 5.6l1.4-1.4 2.1 2.1-1.4 1.4zm12.1 12.1 1.4-1.4 2.1 2.1-1.4 1.4zM4.2 18.4l2.1-2.1 1.4 1.4-2.1 2.1zM16.3 6.3l2.1-2.1 1.4 1.4-2.1 2.1z',
  moon: 'M20 15.5A8.5 8.5 0 0 1 8.5 4a8.5 8.5 0 1 0 11.5 11.5z',
  bookmark: 'M6 3h12v18l-6-4-6 4z',
  user: 'M12 12a4.5 4.5 0 1 1 0-9 4.5 4.5 0 0 1 0 9zm-8 9c0-4.4 3.6-7 8-7s8 2.6 8 7z',
  warning: 'M12 2 1 21h22zm-1 7h2v6h-2zm0 8h2v2h-2z',
  globe: 'M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20zm0 2c-1.3 1.6-2.2 4-2.4 7h4.8c-.2-3-1.1-5.4-2.4-7zM4.1 11h3.5c.1-2.6.7-4.9 1.7-6.6A8 8 0 0 0 4.1 11zm0 2a8 8 0 0 0 5.2 6.6c-1-1.7-1.6-4-1.7-6.6zm5.5 0c.2 3 1.1 5.4 2.4 7 1.3-1.6 2.2-4 2.4-7zm6.8 0c-.1 2.6-.7 4.9-1.7 6.6a8 8 0 0 0 5.2-6.6zm3.5-2a8 8 0 0 0-5.2-6.6c1 1.7 1.6 4 1.7 6.6z',
} as const;

export type IconName = keyof typeof paths;

/** Decorative by default: the text next to it names the action. */
export function Icon({ name, size = 18 }: { name: IconName; size?: number }) {
  return (
    <svg className="icon" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={paths[name]} fill="currentColor" />
    </svg>
  );
}
