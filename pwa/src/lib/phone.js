// normalizePhone turns 0812…, 812…, 62812… into +62812… (the app and the
// console send sign-in phones in E.164).
export function normalizePhone(s) {
  let d = s.replace(/[\s.-]/g, '');
  if (d.startsWith('+')) return d;
  if (d.startsWith('62')) return '+' + d;
  if (d.startsWith('0')) d = d.slice(1);
  return '+62' + d;
}
