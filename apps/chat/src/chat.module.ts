import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '@ragstream/auth';
import { createEventRegistry } from '@ragstream/contracts';
import { CoreInfraModule, HEALTH_DETAILS, HealthController, ReadModelGate } from '@ragstream/platform';
import { AskHandler } from './ask/ask.handler';
import { MessagesController } from './ask/messages.controller';
import { TokenQuota } from './ask/token-quota';
import { TurnResponder } from './ask/turn-responder';
import type { ChatConfig } from './chat.config';
import { ConversationAccess } from './conversations/conversation-access';
import { ConversationCommands } from './conversations/conversation-commands';
import { ConversationLifecycleHandler } from './conversations/conversation-lifecycle.handler';
import { ConversationQueries } from './conversations/conversation.queries';
import { ConversationsController } from './conversations/conversations.controller';
import { ChatMetrics } from './health/chat-metrics';
import { MetricsController } from './health/metrics.controller';
import { ChatCompletionsController } from './openai/chat-completions.controller';
import { ChatCompletionsHandler } from './openai/chat-completions.handler';
import { ModelsQueries } from './openai/models.queries';
import { ChatProviders } from './providers/chat-providers';
import { queryEmbedderProvider } from './retrieval/query-embedder.provider';
import { Retriever } from './retrieval/retriever';
import { CHAT_CONFIG } from './tokens';
import { SearchKnowledgeTool } from './tools/search-knowledge.tool';
import { TagDocumentTool } from './tools/tag-document.tool';
import { ToolCallsController } from './tools/tool-calls.controller';
import { ToolDecisionHandler } from './tools/tool-decision.handler';
import { ToolRegistry } from './tools/tool-registry';
import { AnswerRecorder } from './turn/answer-recorder';
import { ToolCallRecorder } from './turn/tool-call-recorder';
import { TurnPlanner } from './turn/turn-planner';
import { TurnRunner } from './turn/turn-runner';
import { TurnService } from './turn/turn.service';

/** Grounded chat: conversations as events, answers from the workspace's documents through a chain of models. */
@Module({})
export class ChatModule {
  static forRoot(config: ChatConfig): DynamicModule {
    return {
      module: ChatModule,
      imports: [
        CoreInfraModule.forRoot({ name: 'chat', config, registry: createEventRegistry(), watchCheckpoints: true }),
        AuthModule.forRoot({ jwtSecret: config.JWT_SECRET, hashPepper: config.HASH_PEPPER }),
      ],
      controllers: [HealthController, MetricsController, ConversationsController, MessagesController, ToolCallsController, ChatCompletionsController],
      providers: [
        { provide: CHAT_CONFIG, useValue: config },
        ChatMetrics,
        ChatProviders,
        { provide: HEALTH_DETAILS, inject: [ChatProviders], useFactory: (providers: ChatProviders) => () => ({ providers: providers.breakers() }) },
        ReadModelGate,
        queryEmbedderProvider(config),
        Retriever,
        ConversationAccess,
        ConversationCommands,
        ConversationLifecycleHandler,
        ConversationQueries,
        TokenQuota,
        AskHandler,
        SearchKnowledgeTool,
        TagDocumentTool,
        ToolRegistry,
        ToolCallRecorder,
        ToolDecisionHandler,
        TurnPlanner,
        TurnRunner,
        AnswerRecorder,
        TurnService,
        TurnResponder,
        ChatCompletionsHandler,
        ModelsQueries,
      ],
    };
  }
}
