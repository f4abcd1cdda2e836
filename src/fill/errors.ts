/** Why a fill cannot start or finish, in words for the user. */
export class FillError extends Error {
  constructor(
    readonly code: 'no-active-profile' | 'no-portal-tab' | 'no-fields' | 'expired' | 'profile-changed' | 'locked',
    message: string,
  ) {
    super(message);
    this.name = 'FillError';
  }
}
