// Reads several people pages share: the teams for filters and forms, a streamer's Party record, study summary.
import * as api from './api.js';

/** All teams (a base has a handful), for team filters and the team-move form. */
export async function allTeams() {
  return (await api.get('/teams', { size: 200 })).items;
}

export const partyRecord = (streamerId) => api.get(`/streamers/${streamerId}/party`);
export const studySummary = (streamerId) => api.get(`/streamers/${streamerId}/study`);
export const screenings = async (streamerId) => (await api.get(`/streamers/${streamerId}/screenings`)).items;
