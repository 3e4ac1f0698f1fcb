import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as request from './request.operation';

export const operations: ResourceOperations = { request };

export const description: INodeProperties[] = request.description;
