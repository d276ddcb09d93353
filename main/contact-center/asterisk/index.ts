export { AsteriskConnector, type AsteriskConnectorOptions } from './AsteriskConnector';
export { AmiClient, AmiError } from './amiClient';
export { AmiFrameParser } from './amiFrameParser';
export { AsteriskModel } from './asteriskModel';
