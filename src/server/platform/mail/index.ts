export { createMailer, describeRelay, type Mail, type Mailer } from './mail';
