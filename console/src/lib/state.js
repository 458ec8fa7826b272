// Who is signed in and the console sections the server lists for them.
export const state = { me: null, sections: [] };

// can reports whether the server listed the section for this account.
export const can = (id) => state.sections.some((s) => s.id === id);
