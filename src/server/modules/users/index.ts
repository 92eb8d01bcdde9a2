export { registerUserRoutes } from './users.routes';
export { createUser } from './users.usecases';
