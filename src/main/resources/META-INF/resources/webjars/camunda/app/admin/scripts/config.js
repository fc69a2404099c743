// Recordflow's settings for this Camunda webapp (replaces the webjar's default, which is empty).
export default {
  // after "Log out" or an expired session, go to Recordflow's sign-in page (see the script)
  customScripts: ['../recordflow/sign-in-page']
};
