import type { z } from 'zod';

/** A request/response channel: the renderer asks, main answers with a Result. */
export interface CommandDef<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  req: Req;
  res: Res;
}
/** A one-way channel from main to the renderer. */
export interface EventDef<P extends z.ZodType = z.ZodType> {
  payload: P;
}

export const command = <Req extends z.ZodType, Res extends z.ZodType>(req: Req, res: Res): CommandDef<Req, Res> => ({
  req,
  res,
});
export const event = <P extends z.ZodType>(payload: P): EventDef<P> => ({ payload });
