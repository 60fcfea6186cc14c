/**
 * Escapes text for a notification body. The freedesktop notification spec lets daemons read the
 * body as markup (`body-markup`: `<b>`, `<i>`, `<a href>`, `<img>`), and alert text is untrusted:
 * unescaped, `p99 < 200ms & rising` is garbled or dropped, and `<a href>` becomes a link that
 * bypasses the app's link guard (issue 10). Only `&`, `<` and `>` are markup there; quotes are
 * not, and escaping them would show `&quot;` on daemons that do not unescape attributes.
 * Both notifiers use it on Linux: notify-send in browser mode, Electron's Notification (which
 * hands the body to libnotify as it is) in the shell.
 * @param text - the body as it should read
 */
export function escapeNotificationMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
